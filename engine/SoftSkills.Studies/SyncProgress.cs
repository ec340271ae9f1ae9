namespace SoftSkills.Studies;

/// <summary>Progress reported on the caller's thread, in order (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
