using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace SoftSkills.Notebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class PackageExtensionLoaderTests : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Extension_assemblies_and_script_of_a_package_are_loaded_into_the_root_kernel()
    {
        var packageRoot = Path.Combine(_files.Directory, "fake.package", "1.0.0");
        var folder = Directory.CreateDirectory(Path.Combine(packageRoot, "interactive-extensions", "dotnet")).FullName;
        CompileFakeExtension(Path.Combine(folder, "Fake.Extension.dll"));
        File.WriteAllText(Path.Combine(folder, "extension.dib"), "#!csharp\nvar fromExtensionScript = 7;");
        using var kernel = new CompositeKernel { new CSharpKernel() };
        kernel.DefaultKernelName = "csharp";

        var loaded = await PackageExtensionLoader.LoadAsync(packageRoot, kernel);

        Assert.Equal(["FakeExtension", Path.Combine(folder, "extension.dib")], loaded);
        Assert.Equal(kernel.Name, AppDomain.CurrentDomain.GetData("fake-extension-kernel"));
        var result = await kernel.SendAsync(new SubmitCode("fromExtensionScript"));
        Assert.Equal(7, result.Events.OfType<ReturnValueProduced>().Single().Value);
    }

    [Fact]
    public async Task A_package_without_extensions_loads_nothing()
    {
        using var kernel = new CompositeKernel();

        Assert.Empty(await PackageExtensionLoader.LoadAsync(_files.Directory, kernel));
    }

    // A real package with an extension would need a NuGet restore; a compiled stand-in keeps the test offline.
    private static void CompileFakeExtension(string path)
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.DotNet.Interactive;

            public class FakeExtension : IKernelExtension
            {
                public Task OnLoadAsync(Kernel kernel)
                {
                    AppDomain.CurrentDomain.SetData("fake-extension-kernel", kernel.Name);
                    return Task.CompletedTask;
                }
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Fake.Extension",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
