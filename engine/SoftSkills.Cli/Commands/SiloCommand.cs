using System.CommandLine;
using System.Net;
using SoftSkills.Simulation.Hosting;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills silo</c>: one silo node of a simulation cluster whose membership and grain state live in Redis.</summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var cluster = new Option<string>("--cluster") { Description = "the cluster's Redis, redis://[user:password@]HOST:PORT[/db] or rediss://… (TLS)", Required = true };
        var passwordFile = CommonOptions.ClusterPasswordFile();
        var caFile = CommonOptions.ClusterCaFile();
        var port = new Option<int>("--port") { Description = "silo-to-silo port", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway") { Description = "client gateway port", DefaultValueFactory = _ => 30000 };
        var address = new Option<string>("--address") { Description = "the address to bind and advertise (this host's address on a real cluster)", DefaultValueFactory = _ => "127.0.0.1" };
        var tls = new CommonOptions.ClusterSecurity();
        var command = new Command("silo", "Run one silo of a simulation cluster until stopped (Ctrl-C or SIGTERM).") { cluster, passwordFile, caFile, port, gateway, address };
        foreach (var o in tls.All) command.Options.Add(o);
        command.SetAction(async (parse, cancel) =>
        {
            var where = CommonOptions.ParseCluster(parse.GetValue(cluster)!, parse.GetValue(passwordFile), parse.GetValue(caFile), tls, parse);
            if (!IPAddress.TryParse(parse.GetValue(address), out var ip)) throw new BadInputException($"--address '{parse.GetValue(address)}' is not an IP address");
            using var host = ClusterHosting.BuildSilo(where, ip, Inputs.Range("--port", parse.GetValue(port), 1, 65_535), Inputs.Range("--gateway", parse.GetValue(gateway), 1, 65_535));
            try { await host.StartAsync(cancel).WaitAsync(TimeSpan.FromSeconds(60), cancel); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"error: the silo could not join the cluster at {where}: {ex.Message}");
                return ExitCode.Failure;
            }
            Console.WriteLine($"silo ready: {ip}:{parse.GetValue(port)} (gateway {parse.GetValue(gateway)}), cluster {where}");
            try { await Task.Delay(Timeout.Infinite, cancel); }
            catch (OperationCanceledException) { }
            // Leave the cluster gracefully when Redis answers; with Redis gone there is no membership table to leave, so stop at once.
            var redisUp = await ClusterHosting.RedisAnswersAsync(where, TimeSpan.FromSeconds(1));
            await ClusterHosting.StopWithin(host, redisUp ? TimeSpan.FromSeconds(7) : TimeSpan.FromMilliseconds(200));
            if (!redisUp) Console.Error.WriteLine($"stopped without leaving the cluster: its Redis at {where} does not answer");
            return ExitCode.Ok;
        });
        return command;
    }
}
