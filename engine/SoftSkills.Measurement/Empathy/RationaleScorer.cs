using System.Text;
using System.Text.Json;

namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// Sentence-level evidence learned from annotators' rationales, the spans of a response that show its level (Sharma et al.
/// 2020 train their classifier jointly with rationale extraction). Per mechanism, a multinomial naive Bayes model over the
/// word 1–2-grams of sentences tells sentences that show a weak or a strong level from the rest. A response's features
/// are, per mechanism, the largest and the summed probabilities of weak and of strong over its sentences. Training
/// responses get theirs from models fitted on the other folds (cross-fitting), so the classifier never learns from a
/// feature fitted on its own label. Without rationales, a response with a level counts as one long rationale.
/// </summary>
public sealed class RationaleScorer
{
    /// <summary>Features per mechanism: max P(weak), max P(strong), ΣP(weak), ΣP(strong) over the sentences.</summary>
    public const int FeaturesPerMechanism = 4;

    /// <summary>The vector length, mechanisms in <see cref="EmpathyMechanisms.All"/> order.</summary>
    public const int Count = 3 * FeaturesPerMechanism;

    /// <summary>Folds of the cross-fitting of training features.</summary>
    public const int Folds = 5;

    const int Classes = 3, Mechanisms = 3;
    readonly SentenceModel[][] _folds; // [fold][mechanism]
    // For scoring, the folds' models in one table: a row per n-gram of any of them, its log-probabilities ordered by fold,
    // mechanism and class (0 where a model does not know the n-gram: skipping it and adding 0 are the same), so a word is
    // looked up once for all fifteen models.
    readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    readonly double[] _logP;
    readonly double[] _logPrior;
    readonly int _width;

    RationaleScorer(SentenceModel[][] folds)
    {
        _folds = folds;
        _width = folds.Length * Mechanisms * Classes;
        foreach (var model in folds.SelectMany(f => f))
            foreach (var gram in model.Grams) _rows.TryAdd(gram, _rows.Count);
        _logP = new double[_rows.Count * _width];
        _logPrior = new double[_width];
        for (var f = 0; f < folds.Length; f++)
            for (var m = 0; m < Mechanisms; m++)
            {
                var model = folds[f][m];
                var at = (f * Mechanisms + m) * Classes;
                model.LogPrior.CopyTo(_logPrior, at);
                foreach (var (gram, logP) in model.LogP) logP.CopyTo(_logP, _rows[gram] * _width + at);
            }
    }

    /// <summary>
    /// Fits the sentence models of each fold on the examples outside it, and gives each example its features from the
    /// models of its own fold; folds follow a hash of the response text, so a response annotated twice sits in one fold.
    /// New responses are scored by the average over the folds' models, so they see features distributed as in training.
    /// </summary>
    public static (RationaleScorer Scorer, float[][] TrainingFeatures) Fit(IReadOnlyList<EmpathyExample> examples, double smoothing)
    {
        if (!(smoothing > 0 && double.IsFinite(smoothing))) throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "the smoothing must be a positive number");
        var parsed = examples.Select(Parse).ToList();
        var fold = examples.Select(e => (int)(Fnv(e.Response) % Folds)).ToArray();
        var folds = new SentenceModel[Folds][];
        for (var f = 0; f < Folds; f++)
            folds[f] = EmpathyMechanisms.All.Select(m => SentenceModel.Fit(parsed.Where((_, i) => fold[i] != f).SelectMany(p => Labelled(p, m)), smoothing)).ToArray();
        var scorer = new RationaleScorer(folds);
        return (scorer, [.. parsed.Select((p, i) => scorer.Features(p.Sentences)[fold[i]])]);
    }

    /// <summary>The features of one response: the average of the folds' features.</summary>
    public float[] Features(string response)
    {
        var perFold = Features(Sentences(response).Select(s => Grams(response, s.Start, s.End)).ToList());
        var v = new float[Count];
        foreach (var f in perFold)
            for (var k = 0; k < Count; k++) v[k] += f[k] / perFold.Length;
        return v;
    }

    /// <summary>Each fold's features of a response given as its sentences' n-grams.</summary>
    float[][] Features(IReadOnlyList<string[]> sentences)
    {
        var v = new float[_folds.Length][];
        for (var f = 0; f < v.Length; f++) v[f] = new float[Count];
        var s = new double[_width];
        foreach (var grams in sentences)
        {
            _logPrior.CopyTo(s, 0);
            foreach (var g in grams)
                if (_rows.TryGetValue(g, out var row))
                {
                    var logP = _logP.AsSpan(row * _width, _width);
                    for (var k = 0; k < _width; k++) s[k] += logP[k];
                }
            for (var f = 0; f < v.Length; f++)
                for (var m = 0; m < Mechanisms; m++)
                {
                    var (p1, p2) = Posterior(s.AsSpan((f * Mechanisms + m) * Classes, Classes));
                    var o = m * FeaturesPerMechanism;
                    v[f][o] = Math.Max(v[f][o], (float)p1);
                    v[f][o + 1] = Math.Max(v[f][o + 1], (float)p2);
                    v[f][o + 2] += (float)p1;
                    v[f][o + 3] += (float)p2;
                }
        }
        return v;
    }

    /// <summary>P(weak) and P(strong) from the three classes' log scores (a softmax).</summary>
    static (double Weak, double Strong) Posterior(ReadOnlySpan<double> score)
    {
        var max = Math.Max(score[0], Math.Max(score[1], score[2]));
        double e0 = Math.Exp(score[0] - max), e1 = Math.Exp(score[1] - max), e2 = Math.Exp(score[2] - max);
        var z = e0 + e1 + e2;
        return (e1 / z, e2 / z);
    }

    sealed record Parsed(EmpathyExample Example, List<(int Start, int End)> Spans, List<string[]> Sentences);

    static Parsed Parse(EmpathyExample e)
    {
        var spans = Sentences(e.Response);
        return new Parsed(e, spans, spans.Select(s => Grams(e.Response, s.Start, s.End)).ToList());
    }

    /// <summary>
    /// The sentences of a response with their class for one mechanism: its level where the rationale covers at least 30%
    /// of the sentence, else 0; all at its level when no rationale span is found in the text.
    /// </summary>
    static IEnumerable<(string[] Grams, int Class)> Labelled(Parsed p, EmpathyMechanism m)
    {
        var level = p.Example.LevelOf(m);
        var covered = level == 0 ? null : Covered(p.Example.Response, p.Example.RationaleOf(m));
        for (var i = 0; i < p.Sentences.Count; i++)
        {
            var (start, end) = p.Spans[i];
            var cls = level == 0 ? 0 : covered is null ? level : Share(covered, start, end) >= 0.3 ? level : 0;
            yield return (p.Sentences[i], cls);
        }
    }

    static double Share(bool[] covered, int start, int end)
    {
        var n = 0;
        for (var i = start; i < end; i++) if (covered[i]) n++;
        return n / (double)Math.Max(1, end - start);
    }

    /// <summary>Which characters of the response the rationale's spans cover; null when none is found in it.</summary>
    static bool[]? Covered(string response, string? rationale)
    {
        if (string.IsNullOrWhiteSpace(rationale)) return null;
        var covered = new bool[response.Length];
        var any = false;
        foreach (var span in rationale.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var at = response.IndexOf(span, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            Array.Fill(covered, true, at, span.Length);
            any = true;
        }
        return any ? covered : null;
    }

    /// <summary>Sentences as character ranges: text up to a run of '.', '!', '?' or line breaks, unless only spaces and punctuation.</summary>
    static List<(int Start, int End)> Sentences(string text)
    {
        var list = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '!' or '?' or '\n')) continue;
            var end = i;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '\n' or '\r') end++;
            if (text.AsSpan(start, end - start).ContainsAnyExcept(" \t\r\n.!?,;:-\"'()")) list.Add((start, end));
            start = end;
            i = end;
        }
        return list;
    }

    /// <summary>The distinct lower-case words and word pairs of a sentence (the first word also paired with "^").</summary>
    static string[] Grams(string text, int start, int end)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = start; i <= end; i++)
        {
            var c = i < end ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || c is '\'' or '’') word.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        var grams = new HashSet<string>(words, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++) grams.Add((i == 0 ? "^" : words[i - 1]) + " " + words[i]);
        return [.. grams];
    }

    static ulong Fnv(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    /// <summary>Writes each fold's three models' counts as JSON (n-grams sorted, so the same model gives the same bytes).</summary>
    internal void Save(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        foreach (var models in _folds)
        {
            json.WriteStartObject();
            for (var m = 0; m < models.Length; m++)
            {
                json.WritePropertyName(EmpathyMechanisms.All[m].JsonName());
                models[m].Write(json);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static RationaleScorer Load(Stream stream)
    {
        using var doc = JsonDocument.Parse(stream);
        if (doc.RootElement.GetArrayLength() == 0) throw new InvalidDataException("no folds");
        return new RationaleScorer([.. doc.RootElement.EnumerateArray().Select(fold => EmpathyMechanisms.All.Select(m => SentenceModel.Read(fold.GetProperty(m.JsonName()))).ToArray())]);
    }

    /// <summary>
    /// Multinomial naive Bayes over a sentence's distinct n-grams, three classes (not a rationale, weak, strong), additive
    /// (Lidstone) smoothing; n-grams in fewer than two training sentences are left out (Manning et al. 2008, §13.2).
    /// </summary>
    sealed class SentenceModel
    {
        const int MinimumSentences = 2;
        readonly Dictionary<string, int[]> _counts;
        readonly int[] _sentences;
        readonly double _smoothing;

        /// <summary>log P(n-gram | class) for the n-grams of the vocabulary.</summary>
        public Dictionary<string, double[]> LogP { get; } = new(StringComparer.Ordinal);

        /// <summary>log P(class), from sentence counts with one added to each class.</summary>
        public double[] LogPrior { get; } = new double[3];

        public IEnumerable<string> Grams => LogP.Keys;

        SentenceModel(Dictionary<string, int[]> counts, int[] sentences, double smoothing)
        {
            (_counts, _sentences, _smoothing) = (counts, sentences, smoothing);
            var totals = new double[3];
            foreach (var c in counts.Values) for (var k = 0; k < 3; k++) totals[k] += c[k];
            var n = sentences.Sum();
            for (var k = 0; k < 3; k++) LogPrior[k] = Math.Log((sentences[k] + 1.0) / (n + 3.0));
            foreach (var (gram, c) in counts)
                LogP[gram] = [.. Enumerable.Range(0, 3).Select(k => Math.Log((c[k] + smoothing) / (totals[k] + smoothing * counts.Count)))];
        }

        public static SentenceModel Fit(IEnumerable<(string[] Grams, int Class)> sentences, double smoothing)
        {
            var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
            var perClass = new int[3];
            foreach (var (grams, cls) in sentences)
            {
                perClass[cls]++;
                foreach (var g in grams)
                {
                    if (!counts.TryGetValue(g, out var c)) counts[g] = c = new int[3];
                    c[cls]++;
                }
            }
            var kept = counts.Where(kv => kv.Value.Sum() >= MinimumSentences).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            return new SentenceModel(kept, perClass, smoothing);
        }

        public void Write(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteNumber("smoothing", _smoothing);
            json.WriteStartArray("sentences");
            foreach (var n in _sentences) json.WriteNumberValue(n);
            json.WriteEndArray();
            json.WriteStartObject("grams");
            foreach (var gram in _counts.Keys.Order(StringComparer.Ordinal))
            {
                json.WriteStartArray(gram);
                foreach (var n in _counts[gram]) json.WriteNumberValue(n);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }

        public static SentenceModel Read(JsonElement e)
        {
            static int[] Counts(JsonElement a) =>
                a.EnumerateArray().Select(x => x.GetInt32()).ToArray() is { Length: 3 } c && c.All(n => n >= 0) ? c
                    : throw new InvalidDataException("a count list is not three numbers ≥ 0");
            var smoothing = e.GetProperty("smoothing").GetDouble();
            if (!(smoothing > 0 && double.IsFinite(smoothing))) throw new InvalidDataException($"smoothing {smoothing} is not positive");
            return new(e.GetProperty("grams").EnumerateObject().ToDictionary(p => p.Name, p => Counts(p.Value), StringComparer.Ordinal),
                Counts(e.GetProperty("sentences")), smoothing);
        }
    }
}
