using System.Text;
using CsCheck;

namespace SoftSkills.Cli.Tests.Adversarial;

/// <summary>
/// The empathy coder's inputs, damaged: EPITOME's CSV files (and its split) under <c>empathy evaluate</c> and
/// <c>empathy replay</c>, and the model file under <c>empathy score</c> and <c>empathy evaluate</c>. Same promises as
/// every other input (<see cref="Check"/>). The EPITOME folder is synthetic, so the suite needs no download.
/// </summary>
public sealed partial class AdversarialInputTests
{
    public const int EpitomeCases = 60, ModelCases = 60;

    static readonly string[] EpitomeFiles = ["emotional-reactions-reddit.csv", "interpretations-reddit.csv", "explorations-reddit.csv", "split.csv"];

    [Fact]
    public void Damaged_epitome_files_are_refused_with_one_line_or_evaluated() =>
        Cases.Run(Gen.Select(Mutation.ForCsv, Gen.Int[0, EpitomeFiles.Length - 1], Gen.Bool), EpitomeCases, c =>
        {
            var (mutation, file, replay) = c;
            using var work = new TempDir();
            var epitome = work.File("epitome");
            Directory.CreateDirectory(epitome);
            foreach (var f in Directory.GetFiles(inputs.Epitome)) File.Copy(f, Path.Combine(epitome, Path.GetFileName(f)));
            Damage(Path.Combine(epitome, EpitomeFiles[file]), mutation);
            Check(work, ["empathy", replay ? "replay" : "evaluate", "--data", epitome, "--model", inputs.EmpathyModel, "--format", "json"]);
        }, c => $"{c.Item1} in {EpitomeFiles[c.Item2]}, {(c.Item3 ? "replay" : "evaluate")}");

    [Fact]
    public void Damaged_models_are_refused_naming_the_file_or_used() =>
        Cases.Run(Gen.Select(Mutation.ForBinary, Gen.Bool), ModelCases, c =>
        {
            var (mutation, score) = c;
            using var work = new TempDir();
            var model = work.File("model.zip");
            File.Copy(inputs.EmpathyModel, model);
            Damage(model, mutation);
            var run = Check(work, score
                ? ["empathy", "score", "--data", Softskills.Sample, "--model", model, "--out", work.File("out.csv"), "--format", "json"]
                : ["empathy", "evaluate", "--data", inputs.Epitome, "--model", model, "--format", "json"]);
            if (run.ExitCode == ExitCode.BadInput) Assert.Contains("model.zip", run.Stderr);   // the refusal names the model
        }, c => $"{c.Item1}, {(c.Item2 ? "score" : "evaluate")}");
}

/// <summary>A synthetic EPITOME folder whose phrases set the levels, and a quick model trained on it.</summary>
sealed class SyntheticEpitome
{
    static readonly string[] Requests = ["I feel so alone since the move.", "My exams went badly and I'm scared.", "Work is crushing me lately.", "I can't sleep anymore."];
    static readonly string[][] Phrases =
    [
        ["", "That sucks.", "I'm so sorry, that's awful, sending hugs."],
        ["", "Sounds like a change.", "I've been there, I know exactly how that feels."],
        ["", "Anything new?", "What happened at work that made it worse?"],
    ];

    public static void Write(string folder, int pairs, int seed)
    {
        Directory.CreateDirectory(folder);
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, pairs).Select(i => (Id: i, Request: Requests[rng.Next(Requests.Length)], Levels: new[] { rng.Next(3), rng.Next(3), rng.Next(3) })).ToList();
        string[] files = ["emotional-reactions-reddit.csv", "interpretations-reddit.csv", "explorations-reddit.csv"];
        for (var m = 0; m < 3; m++)
        {
            var text = new StringBuilder("sp_id,rp_id,seeker_post,response_post,level,rationales\n");
            foreach (var (id, request, levels) in rows)
            {
                var reply = string.Join(' ', Enumerable.Range(0, 3).Select(k => Phrases[k][levels[k]]).Where(p => p.Length > 0).Append("Take care."));
                var rationale = Phrases[m][levels[m]];
                text.Append($"s{id},r{id},\"{request}\",\"{reply}\",{levels[m]},\"{(rationale.Length > 0 ? rationale + "|" : "")}\"\n");
            }
            File.WriteAllText(Path.Combine(folder, files[m]), text.ToString());
        }
        File.WriteAllText(Path.Combine(folder, "split.csv"),
            "sp_id,rp_id,split\n" + string.Concat(rows.Select(r => $"s{r.Id},r{r.Id},{(r.Id % 4 == 0 ? "test" : "train")}\n")));
    }
}
