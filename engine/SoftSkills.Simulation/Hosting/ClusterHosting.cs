using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;
using SoftSkills.Simulation.Grains;
using StackExchange.Redis;

namespace SoftSkills.Simulation.Hosting;

/// <summary>A cluster's Redis address, from <c>redis://HOST:PORT</c>.</summary>
public sealed record ClusterAddress(string Host, int Port)
{
    public static ClusterAddress Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
            throw new FormatException($"'{text}' is not a cluster address of the form redis://HOST:PORT");
        return new ClusterAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
    }

    public override string ToString() => $"redis://{Host}:{Port}";

    internal ConfigurationOptions Redis()
    {
        var options = ConfigurationOptions.Parse($"{Host}:{Port}");
        options.ConnectTimeout = 5000;
        options.ConnectRetry = 2;
        options.AbortOnConnectFail = true; // an unreachable Redis is an error now, not a wait
        return options;
    }
}

/// <summary>
/// Silos and clients of a simulation cluster (DESIGN §7): membership in Redis, grain state in Redis (written with the
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
                    .AddRedisGrainStorage(SimulationStorage.Name, o => o.ConfigurationOptions = cluster.Redis())
                    .Configure<ClusterMembershipOptions>(o =>
                    {
                        o.ProbeTimeout = TimeSpan.FromSeconds(1);
                        o.NumMissedProbesLimit = 2;
                        o.NumVotesForDeathDeclaration = 1;
                        o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                    });
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15));
                silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            })
            .ConfigureLogging(Quiet)
            .Build();

    /// <summary>Connects a client to the cluster; fails within <paramref name="timeout"/> when Redis or every silo is unreachable.</summary>
    public static async Task<IHost> ConnectClientAsync(ClusterAddress cluster, TimeSpan timeout)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
                .UseRedisClustering(o => o.ConfigurationOptions = cluster.Redis())
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
                // A call into a silo that died fails after this long and the day is run again; a team's day takes far less.
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20)))
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
            throw new ClusterUnavailableException($"cannot reach the cluster at {cluster} within {timeout.TotalSeconds:0} s: {ex.Message}", ex);
        }
    }

    static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Error);
}

/// <summary>The cluster (Redis or every silo) could not be reached.</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);
