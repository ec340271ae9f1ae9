using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;
using SoftSkills.Simulation.Grains;
using StackExchange.Redis;

namespace SoftSkills.Simulation.Hosting;

/// <summary>
/// A cluster's Redis: <c>redis://[user:password@]HOST:PORT[/db]</c>, or <c>rediss://…</c> for TLS. The password never
/// appears in <see cref="ToString"/>, in logs or in error messages; pass it in a file (<see cref="WithPassword"/>) to keep it
/// out of process lists and shell history.
/// </summary>
public sealed record ClusterAddress(string Host, int Port, string? User = null, string? Password = null, int Database = 0, bool Tls = false)
{
    /// <summary>Where the CA certificate that signs Redis's TLS certificate is (PEM); null trusts the system's roots.</summary>
    public string? TrustedCaFile { get; init; }

    /// <summary>Mutual TLS between silos and clients, or null for plain TCP.</summary>
    public ClusterTls? Transport { get; init; }

    public static ClusterAddress Parse(string text)
    {
        const string Form = "redis://[user:password@]HOST:PORT[/db] or rediss://… (TLS)";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || uri.Host.Length == 0)
            throw new FormatException($"'{Redact(text)}' is not a cluster address of the form {Form}");
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            (user, password) = colon < 0 ? (null, Uri.UnescapeDataString(uri.UserInfo)) : (Uri.UnescapeDataString(uri.UserInfo[..colon]), Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
            if (user is { Length: 0 }) user = null;
        }
        var path = uri.AbsolutePath.Trim('/');
        var db = 0;
        if (path.Length > 0 && (!int.TryParse(path, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out db) || db > 15))
            throw new FormatException($"'{Redact(text)}': the database after the port must be a number from 0 to 15");
        return new ClusterAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port, user, password, db, uri.Scheme == "rediss");
    }

    /// <summary>The address with the password read from a file (one line; the trailing newline is not part of it).</summary>
    public ClusterAddress WithPassword(string passwordFile)
    {
        var password = SoftSkills.Data.Files.TextFiles.ReadAllText(passwordFile).TrimEnd('\r', '\n');
        if (password.Length == 0) throw new FormatException($"{passwordFile}: the password file is empty");
        return this with { Password = password };
    }

    /// <summary>The address without its password, for messages.</summary>
    public override string ToString() => $"{(Tls ? "rediss" : "redis")}://{(User is null ? "" : User + "@")}{Host}:{Port}{(Database == 0 ? "" : "/" + Database)}";

    /// <summary>A URL with any password masked.</summary>
    public static string Redact(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"(?<=://)([^@/]*)@", m => m.Value.Contains(':') ? m.Value[..m.Value.IndexOf(':')] + ":***@" : "***@");

    internal ConfigurationOptions Redis()
    {
        var options = new ConfigurationOptions { EndPoints = { { Host, Port } } };
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 5000;
        options.AsyncTimeout = 5000;
        options.ConnectRetry = 2;
        options.AbortOnConnectFail = true; // an unreachable Redis is an error now, not a wait
        options.DefaultDatabase = Database;
        if (User is not null) options.User = User;
        if (Password is not null) options.Password = Password;
        if (Tls)
        {
            options.Ssl = true;
            options.SslHost = Host;
            if (TrustedCaFile is { } ca) options.TrustIssuer(ca);
        }
        return options;
    }
}

/// <summary>
/// Silos and clients of a simulation cluster (docs/design.md §7): membership in Redis, grain state in Redis (written with the
/// Orleans serializer, so a state read back is bit-identical), and failure detection tuned to notice a lost silo in seconds.
/// </summary>
public static class ClusterHosting
{
    public const string ClusterId = "softskills";
    public const string ServiceId = "softskills-simulation";

    /// <summary>A silo bound to <paramref name="address"/> on the given silo and gateway ports.</summary>
    public static IHost BuildSilo(ClusterAddress cluster, IPAddress address, int siloPort, int gatewayPort) =>
        new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
                    .ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false)
                    .UseRedisClustering(o => o.ConfigurationOptions = cluster.Redis())
                    .AddRedisGrainStorage(SimulationStorage.Name, o => (o.ConfigurationOptions, o.DeleteStateOnClear) = (cluster.Redis(), true)) // an ended run leaves no key
                    .Configure<ClusterMembershipOptions>(o =>
                    {
                        o.ProbeTimeout = TimeSpan.FromSeconds(1);
                        o.NumMissedProbesLimit = 2;
                        o.NumVotesForDeathDeclaration = 1;
                        o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                    });
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15));
                if (cluster.Transport is { } tls) silo.UseTls(tls.Configure);
                silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
                silo.Services.AddSingleton<IFatalErrorHandler, SiloFatalError>();
            })
            .ConfigureLogging(Quiet)
            .Build();

    /// <summary>Connects a client to the cluster; fails within <paramref name="timeout"/> when Redis or every silo is unreachable.</summary>
    public static async Task<IHost> ConnectClientAsync(ClusterAddress cluster, TimeSpan timeout)
    {
        await CheckRedisAsync(cluster, timeout);
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
                    .UseRedisClustering(o => o.ConfigurationOptions = cluster.Redis())
                    .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
                    // A call into a silo that died fails after this long and the day is run again; a team's day takes far less.
                    .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
                if (cluster.Transport is { } tls) client.UseTls(tls.Configure);
            })
            .ConfigureLogging(Quiet)
            .Build();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await host.StartAsync(cts.Token).WaitAsync(timeout);
            return host;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or RedisConnectionException or OrleansException)
        {
            host.Dispose();
            // Redis answered, so no silo took this client: none runs, or they use TLS and this client has no certificate they trust.
            var why = cluster.Transport is null
                ? "no silo accepted this client (are silos running? if the cluster uses TLS, give --tls-cert, --tls-key and --tls-ca)"
                : "no silo accepted this client (are silos running, with TLS, and is --tls-cert signed by their --tls-ca?)";
            throw new ClusterUnavailableException($"cannot join the cluster at {cluster} within {timeout.TotalSeconds:0} s: {why}", ex);
        }
    }

    /// <summary>Connects to the cluster's Redis once, so a wrong password or an unreachable Redis is told apart at once.</summary>
    static async Task CheckRedisAsync(ClusterAddress cluster, TimeSpan timeout)
    {
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(cluster.Redis()).WaitAsync(timeout);
            await connection.GetDatabase().PingAsync().WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or System.Net.Sockets.SocketException or IOException)
        {
            var denied = ex is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
                || ex.Message.Contains("NOAUTH", StringComparison.Ordinal) || ex.Message.Contains("WRONGPASS", StringComparison.Ordinal);
            throw new ClusterUnavailableException(denied
                ? $"the cluster's Redis at {cluster} refused the credentials: check the user in --cluster and the password in --cluster-password-file"
                : $"cannot reach the cluster's Redis at {cluster} within {timeout.TotalSeconds:0} s: {Brief(ex.Message)}", ex);
        }
    }

    /// <summary>The first sentence of a library's message (StackExchange.Redis appends a page of diagnostics).</summary>
    static string Brief(string message)
    {
        var cut = message.IndexOfAny(['\n', '(']);
        var first = (cut > 0 ? message[..cut] : message).Split(" - ", 2)[0].Trim();
        return first.Length > 200 ? first[..200] + "…" : first;
    }

    /// <summary>Whether the cluster's Redis answers a PING within <paramref name="timeout"/>.</summary>
    public static async Task<bool> RedisAnswersAsync(ClusterAddress cluster, TimeSpan timeout)
    {
        var options = cluster.Redis();
        options.ConnectTimeout = options.SyncTimeout = options.AsyncTimeout = (int)timeout.TotalMilliseconds;
        options.ConnectRetry = 0;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(timeout);
            await connection.GetDatabase().PingAsync().WaitAsync(timeout);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or System.Net.Sockets.SocketException or IOException) { return false; }
    }

    /// <summary>Stops a silo or client host, giving up on a graceful stop after <paramref name="grace"/> (Redis may be gone).</summary>
    public static async Task StopWithin(IHost host, TimeSpan grace)
    {
        using var cts = new CancellationTokenSource(grace);
        try { await host.StopAsync(cts.Token).WaitAsync(grace + TimeSpan.FromSeconds(1)); }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException or RedisException) { /* stopped ungracefully */ }
    }

    static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Error);
}

/// <summary>The cluster (Redis or every silo) could not be reached.</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);
