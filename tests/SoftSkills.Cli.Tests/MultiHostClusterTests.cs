using System.Diagnostics;
using SoftSkills.Tests;

namespace SoftSkills.Cli.Tests;

/// <summary>
/// The cluster across network boundaries: `tests/cluster/multihost.sh` builds five hosts out of network namespaces (Redis
/// with a password, three silos and a client, mutual TLS), checks byte-identical output, a silo SIGKILLed mid-run, and the
/// refusal of a wrong password, no certificate and another authority's certificate, then tears everything down. It needs
/// root, iproute2, redis-server and openssl: without them it skips, except under CI=true (.ci/run runs as root).
/// It runs alone: creating network interfaces while another test's process enumerates them (the .NET Interactive kernel
/// does at start) made that process fail.
/// </summary>
[Collection(MultiHostCollection.Name)]
public class MultiHostClusterTests
{
    [SkippableFact]
    public async Task Five_namespace_hosts_with_password_and_tls_run_the_cluster_safely()
    {
        Requires.Program(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root", "network namespaces need root");
        Requires.ProgramFile("/usr/sbin/ip", "Debian's iproute2");
        Requires.ProgramFile("/usr/bin/redis-server", ".ci/run installs Debian's redis-server");
        Requires.ProgramFile("/usr/bin/openssl", "Debian's openssl");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(Repo.Root, "tests", "cluster", "multihost.sh"), Path.Combine(AppContext.BaseDirectory, "softskills.dll"),
                     Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json") })
            start.ArgumentList.Add(a);
        using var script = Process.Start(start)!;
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        try { await script.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token); }
        catch (OperationCanceledException)
        {
            // SIGTERM lets the script's trap tear the namespaces down; killing the tree is the last resort.
            using (var term = Process.Start("kill", ["-TERM", script.Id.ToString()])) await term.WaitForExitAsync();
            if (!script.WaitForExit(TimeSpan.FromSeconds(30))) script.Kill(entireProcessTree: true);
            Assert.Fail("the multi-host test took more than 10 minutes");
        }
        var output = await stdout + await stderr;
        Assert.True(script.ExitCode == 0, output);
        Assert.Contains("multihost: all checks passed", output);
        Assert.Contains("silo2 SIGKILLed mid-run: the run finished, byte-identical", output);
    }

    static void OpenSsl(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/openssl") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    static void Authority(string dir, string name) =>
        OpenSsl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
            "-days", "2", "-subj", "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");

    static void Node(string dir, string name, string authority)
    {
        OpenSsl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        OpenSsl(dir, "x509", "-req", "-in", name + ".csr", "-CA", authority + ".pem", "-CAkey", authority + ".key", "-CAcreateserial", "-out", name + ".pem", "-days", "2");
    }

    [SkippableFact]
    public void A_node_certificate_the_authority_did_not_sign_is_refused_before_joining()
    {
        Requires.ProgramFile("/usr/bin/openssl", "Debian's openssl");
        using var dir = new TempDir();
        Authority(dir.Path, "ca");
        Authority(dir.Path, "other");
        Node(dir.Path, "good", "ca");
        Node(dir.Path, "rogue", "other");
        File.WriteAllText(dir.File("password"), "a-secret-that-must-not-leak\n");
        var r = Softskills.Run("silo", "--cluster", "redis://127.0.0.1:1", "--cluster-password-file", dir.File("password"),
            "--tls-cert", dir.File("rogue.pem"), "--tls-key", dir.File("rogue.key"), "--tls-ca", dir.File("ca.pem"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("rogue.pem is not signed by the authority in ca.pem", r.Stderr);
        var mismatched = Softskills.Run("silo", "--cluster", "redis://127.0.0.1:1", "--tls-cert", dir.File("good.pem"), "--tls-key", dir.File("rogue.key"), "--tls-ca", dir.File("ca.pem"));
        Assert.Equal(2, mismatched.ExitCode);
        Assert.Contains("good.pem: not a certificate with its private key", mismatched.Stderr);
        Assert.DoesNotContain("a-secret-that-must-not-leak", r.Stderr + r.Stdout + mismatched.Stderr);
    }

    [Fact]
    public void Tls_options_need_a_cluster_and_each_other()
    {
        using var dir = new TempDir();
        var scenario = Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json");
        var alone = Softskills.Run("simulate", "--scenario", scenario, "--out", dir.File("out"), "--tls-cert", scenario);
        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("give them with --cluster", alone.Stderr);
        var half = Softskills.Run("simulate", "--scenario", scenario, "--out", dir.File("out"), "--cluster", "redis://127.0.0.1:1", "--tls-cert", scenario);
        Assert.Equal(2, half.ExitCode);
        Assert.Contains("needs both --tls-cert and --tls-ca", half.Stderr);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiHostCollection { public const string Name = "network namespaces (alone)"; }
