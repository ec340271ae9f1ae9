using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;

namespace SoftSkills.Notebooks;

/// <summary>Loads the .NET Interactive extensions a NuGet package ships in <c>interactive-extensions/dotnet</c>.</summary>
public static class PackageExtensionLoader
{
    /// <summary>
    /// Like the dotnet-interactive tool, which this in-process host replaces: instantiates every public
    /// <see cref="IKernelExtension"/> of the folder's assemblies and calls OnLoadAsync with the root kernel,
    /// then runs the folder's extension.dib if there is one. Returns the extension types loaded.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(string packageRoot, Kernel kernel)
    {
        var folder = new DirectoryInfo(Path.Combine(packageRoot, "interactive-extensions", "dotnet"));
        if (!folder.Exists)
        {
            return [];
        }

        var loaded = new List<string>();
        foreach (var file in folder.GetFiles("*.dll").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var assembly = LoadOnce(file.FullName);
            var extensionTypes = assembly.GetExportedTypes()
                .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
                            && typeof(IKernelExtension).IsAssignableFrom(t));
            foreach (var type in extensionTypes)
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                try
                {
                    await extension.OnLoadAsync(kernel);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"kernel extension {type.FullName} from {file.FullName} failed: {e.Message}", e);
                }

                loaded.Add(type.FullName!);
            }
        }

        var script = new FileInfo(Path.Combine(folder.FullName, "extension.dib"));
        if (script.Exists)
        {
            await kernel.LoadAndRunInteractiveDocument(script, KernelInvocationContext.Current?.Command);
            loaded.Add(script.FullName);
        }

        return loaded;
    }

    // A later run in the same process sees the same package: reuse the assembly, the new kernel still needs OnLoadAsync.
    private static Assembly LoadOnce(string path)
    {
        var name = AssemblyName.GetAssemblyName(path).FullName;
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.FullName == name)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
