using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Documents;

namespace SoftSkills.Notebooks;

/// <summary>Papermill-style parameters: a cell tagged <c>injected-parameters</c> re-declares overridden variables of the cell tagged <c>parameters</c>.</summary>
public static class ParameterInjection
{
    public const string ParametersTag = "parameters";
    public const string InjectedParametersTag = "injected-parameters";

    /// <summary>Inserts the injected-parameters cell right after the parameters cell; does nothing without parameters.</summary>
    public static void Inject(InteractiveDocument notebook, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        var cells = notebook.Elements;
        // An executed notebook fed back in carries the previous run's injected cell: replace it, as papermill does.
        foreach (var previous in cells.Where(c => HasTag(c, InjectedParametersTag)).ToList())
        {
            cells.Remove(previous);
        }

        var parametersCell = cells.FirstOrDefault(c => HasTag(c, ParametersTag))
            ?? throw new NotebookParameterException("parameters were given but the notebook has no cell tagged 'parameters'");
        var injected = new InteractiveDocumentElement(DeclarationsFor(parametersCell.Contents, parameters), "csharp")
        {
            Metadata = new Dictionary<string, object> { ["tags"] = new[] { InjectedParametersTag } },
        };
        cells.Insert(cells.IndexOf(parametersCell) + 1, injected);
    }

    /// <summary>C# re-declaring each parameter with the type and literal kind it has in <paramref name="parametersCode"/>.</summary>
    public static string DeclarationsFor(string parametersCode, IReadOnlyDictionary<string, string> parameters)
    {
        var declared = Declarations(parametersCode);
        return string.Join("\n", parameters.Select(p =>
        {
            if (!declared.TryGetValue(p.Key, out var declaration))
            {
                throw new NotebookParameterException(
                    $"unknown parameter '{p.Key}'; the parameters cell declares: {string.Join(", ", declared.Keys)}");
            }

            return $"{declaration.TypeText} {p.Key} = {Literal(p.Key, declaration, p.Value)};";
        }));
    }

    private static bool HasTag(InteractiveDocumentElement cell, string tag) =>
        cell.Metadata?.TryGetValue("tags", out var tags) == true
        && tags is IEnumerable<object> values
        && values.Any(v => string.Equals(v?.ToString(), tag, StringComparison.Ordinal));

    // ValueType is null when the initialiser is not a literal and the declared type is not a built-in one.
    private sealed record Declaration(string TypeText, Type? ValueType);

    private static Dictionary<string, Declaration> Declarations(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        // Only top-level declarations: a script's locals may appear as fields or as global statements.
        return root.DescendantNodes()
            .OfType<VariableDeclarationSyntax>()
            .Where(d => d.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax })
            .SelectMany(d => d.Variables.Select(v => (
                Name: v.Identifier.ValueText,
                Declaration: new Declaration(d.Type.ToString(), BuiltInType(d.Type) ?? LiteralType(v.Initializer?.Value)))))
            .GroupBy(v => v.Name)
            .ToDictionary(g => g.Key, g => g.Last().Declaration);
    }

    private static Type? BuiltInType(TypeSyntax type) => type is PredefinedTypeSyntax predefined
        ? predefined.Keyword.Kind() switch
        {
            SyntaxKind.StringKeyword => typeof(string),
            SyntaxKind.BoolKeyword => typeof(bool),
            SyntaxKind.IntKeyword => typeof(int),
            SyntaxKind.LongKeyword => typeof(long),
            SyntaxKind.UIntKeyword => typeof(uint),
            SyntaxKind.ULongKeyword => typeof(ulong),
            SyntaxKind.FloatKeyword => typeof(float),
            SyntaxKind.DoubleKeyword => typeof(double),
            SyntaxKind.DecimalKeyword => typeof(decimal),
            _ => null,
        }
        : null;

    private static Type? LiteralType(ExpressionSyntax? initializer) => initializer switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value?.GetType(),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } => literal.Token.Value?.GetType(),
        _ => null,
    };

    private static string Literal(string name, Declaration declaration, string value)
    {
        var type = declaration.ValueType
            ?? throw new NotebookParameterException($"parameter '{name}' is not initialised with a literal, so it cannot be overridden");
        var invariant = CultureInfo.InvariantCulture;
        var text = value.Trim();
        // With `var` the suffix keeps the literal's type; float and decimal need it even when the type is explicit.
        var isVar = declaration.TypeText == "var";
        string? literal = type switch
        {
            _ when type == typeof(string) => SymbolDisplay.FormatLiteral(value, quote: true),
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? (b ? "true" : "false") : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i.ToString(invariant) : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l.ToString(invariant) + (isVar ? "L" : "") : null,
            _ when type == typeof(uint) => uint.TryParse(text, NumberStyles.Integer, invariant, out var u) ? u.ToString(invariant) + (isVar ? "U" : "") : null,
            _ when type == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, invariant, out var ul) ? ul.ToString(invariant) + (isVar ? "UL" : "") : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out var f) && float.IsFinite(f) ? f.ToString("R", invariant) + "F" : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d.ToString("R", invariant) + (isVar ? "D" : "") : null,
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Float, invariant, out var m) ? m.ToString(invariant) + "M" : null,
            _ => throw new NotebookParameterException($"parameter '{name}' has type {type.Name}, which cannot be overridden"),
        };
        return literal ?? throw new NotebookParameterException($"parameter '{name}' expects {type.Name}, got '{value}'");
    }
}
