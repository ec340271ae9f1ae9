namespace SoftSkills.Simulation.Hosting;

/// <summary>
/// A silo's fatal error (the cluster declared it dead, or the runtime failed) as a one-line message and exit code 1,
/// instead of Orleans' default of a stack dump and an abort.
/// </summary>
sealed class SiloFatalError : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => exception is not OperationCanceledException;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        var declaredDead = context?.Contains("dead", StringComparison.OrdinalIgnoreCase) == true;
        Console.Error.WriteLine(declaredDead
            ? "error: the cluster declared this silo dead, so it stopped: the other silos could not reach it (with TLS on, every silo needs a --tls-cert signed by the cluster's --tls-ca)"
            : $"error: the silo stopped: {First(context ?? exception?.Message ?? "a fatal error")}");
        Console.Error.Flush();
        Environment.Exit(1);
    }

    static string First(string text)
    {
        var line = text.Split('\n', 2)[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
