using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SoftSkills.Cli.Tests;

/// <summary>
/// A real cluster on loopback: a redis-server of its own (or the one `.ci/run` started, named by SOFTSKILLS_REDIS) and
/// three `softskills silo` processes. Without redis-server the cluster tests skip, except under CI=true, where they fail.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    const string RedisServer = "/usr/bin/redis-server";
    Process? _redis;
    readonly List<Process> _silos = [];
    readonly int _siloCount = 3;
    readonly bool _sharedRedis = true;

    public ClusterFixture() { }

    ClusterFixture(int silos, bool sharedRedis) => (_siloCount, _sharedRedis) = (silos, sharedRedis);

    /// <summary>A cluster with a redis-server of its own (never the shared one), which a test may kill.</summary>
    public static async Task<ClusterFixture> StartOwnAsync(int silos)
    {
        var fixture = new ClusterFixture(silos, sharedRedis: false);
        await fixture.InitializeAsync();
        return fixture;
    }

    /// <summary>The cluster address (redis://127.0.0.1:PORT), or null when Redis is missing.</summary>
    public string? Cluster { get; private set; }
    public string SkipReason { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string redis;
        if (_sharedRedis && Environment.GetEnvironmentVariable("SOFTSKILLS_REDIS") is { Length: > 0 } given) redis = given;
        else if (File.Exists(RedisServer))
        {
            var port = FreePort();
            _redis = Process.Start(new ProcessStartInfo(RedisServer, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --loglevel warning")
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            _redis.BeginOutputReadLine();
            _redis.BeginErrorReadLine();
            redis = $"127.0.0.1:{port}";
        }
        else
        {
            SkipReason = $"{RedisServer} is missing: .ci/run installs Debian's redis-server";
            return;
        }
        await WaitForPong(redis);
        // A fresh key space per fixture: keys of the ClusterId from an earlier run must not be read as members.
        Cluster = $"redis://{redis}";
        await Send(redis, "FLUSHALL\r\n");
        for (var i = 0; i < _siloCount; i++) _silos.Add(await StartSilo());
    }

    async Task<Process> StartSilo()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "softskills.dll"), "silo", "--cluster", Cluster!, "--port", FreePort().ToString(), "--gateway", FreePort().ToString() })
            start.ArgumentList.Add(a);
        var silo = Process.Start(start)!;
        var line = await silo.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(line?.StartsWith("silo ready", StringComparison.Ordinal) == true, $"silo did not start: {line}");
        silo.ErrorDataReceived += (_, _) => { }; // drain, so a chatty silo never blocks on a full pipe
        silo.BeginErrorReadLine();
        return silo;
    }

    /// <summary>How many grain states Redis holds (keys under the service's <c>state/</c>): none once every run has ended.</summary>
    public async Task<int> StoredStates()
    {
        var reply = await Send(Cluster!["redis://".Length..], "KEYS softskills-simulation/state/*\r\n"); // an array: "*N\r\n..."
        return int.Parse(reply[1..reply.IndexOf('\r')], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Kills this fixture's own redis-server with SIGKILL.</summary>
    public void KillRedis()
    {
        Assert.NotNull(_redis);
        _redis!.Kill();
        _redis.WaitForExit(5000);
    }

    /// <summary>Silo <paramref name="i"/>'s process.</summary>
    public Process Silo(int i) => _silos[i];

    /// <summary>Sends SIGTERM to silo <paramref name="i"/>, as systemd or docker stop does.</summary>
    public void Terminate(int i) => Process.Start("kill", ["-TERM", _silos[i].Id.ToString()])!.WaitForExit();

    /// <summary>Kills silo <paramref name="i"/> with SIGKILL, as a crashed host would go.</summary>
    public void KillSilo(int i) => _silos[i].Kill(entireProcessTree: true);

    /// <summary>Starts a new silo in place of a killed one, so every test of the class meets three silos.</summary>
    public async Task ReplaceSilo(int i)
    {
        _silos[i].Dispose();
        _silos[i] = await StartSilo();
    }

    public Task DisposeAsync()
    {
        foreach (var p in _silos.Append(_redis).OfType<Process>())
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(5000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        return Task.CompletedTask;
    }

    /// <summary>Skips the test (fails it under CI=true) when the cluster could not be started.</summary>
    public void Require() => Requires.Program(Cluster is not null, SkipReason);

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    static async Task WaitForPong(string redis)
    {
        for (var i = 0; i < 100; i++)
        {
            try { if ((await Send(redis, "PING\r\n")).StartsWith("+PONG", StringComparison.Ordinal)) return; }
            catch (SocketException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"redis at {redis} did not answer");
    }

    static async Task<string> Send(string redis, string command)
    {
        var (host, port) = (redis.Split(':')[0], int.Parse(redis.Split(':')[1]));
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(command));
        var buffer = new byte[64];
        var n = await stream.ReadAsync(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, n);
    }
}
