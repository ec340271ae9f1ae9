using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace SoftSkills.Notebooks;

/// <summary>Turns the kernel events of one cell into Jupyter outputs.</summary>
internal static class CellOutputs
{
    /// <summary>Appends the cell's outputs; returns the error text if the cell failed (CommandFailed or ErrorProduced).</summary>
    public static string? Record(IEnumerable<KernelEvent> events, InteractiveDocumentElement cell, int executionCount)
    {
        var outputs = cell.Outputs;
        var displays = new Dictionary<string, int>();
        var errors = new List<string>();
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    AppendStream(outputs, "stdout", Text(stdout));
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream(outputs, "stderr", Text(stderr));
                    break;
                case ErrorProduced error:
                    errors.Add(error.Message);
                    outputs.Add(new ErrorElement(errorValue: error.Message, errorName: "Error", stackTrace: []));
                    break;
                case DisplayedValueUpdated update when update.ValueId is not null && displays.TryGetValue(update.ValueId, out var index):
                    // e.g. #r "nuget:" shows "Installing…" and updates it: keep the final state.
                    outputs[index] = new DisplayElement(Data(update));
                    break;
                case DisplayedValueProduced display:
                    if (display.ValueId is not null)
                    {
                        displays[display.ValueId] = outputs.Count;
                    }

                    outputs.Add(new DisplayElement(Data(display)));
                    break;
                case ReturnValueProduced returned:
                    var element = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var (mime, value) in Data(returned))
                    {
                        element.Data[mime] = value;
                    }

                    outputs.Add(element);
                    break;
                case CommandFailed failed when !errors.Contains(failed.Message):
                    errors.Add(failed.Message);
                    outputs.Add(new ErrorElement(
                        errorValue: failed.Exception?.Message ?? failed.Message,
                        errorName: failed.Exception?.GetType().Name ?? "Error",
                        stackTrace: failed.Message.Split('\n')));
                    break;
            }
        }

        return errors.Count == 0 ? null : string.Join("\n", errors);
    }

    private static string Text(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? "";

    private static Dictionary<string, object> Data(DisplayEvent e) =>
        e.FormattedValues.Where(v => !v.SuppressDisplay).ToDictionary(v => v.MimeType, v => (object)v.Value);

    // Consecutive writes form one stream output, as in Jupyter.
    private static void AppendStream(List<InteractiveDocumentOutputElement> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == name)
        {
            outputs[^1] = new TextElement(last.Text + text, name);
        }
        else
        {
            outputs.Add(new TextElement(text, name));
        }
    }
}
