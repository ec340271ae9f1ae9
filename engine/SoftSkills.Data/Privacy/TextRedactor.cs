using System.Text;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Privacy;

/// <summary>
/// Replaces employees' names, e-mail addresses and raw ids in free text with their pseudonyms: full names and addresses
/// whatever their case, a first or last name on its own when capitalised as a name (one that several employees share
/// becomes "[person]"). Text is scanned word by word against dictionaries, so the cost does not grow with the number of
/// employees.
/// </summary>
public sealed class TextRedactor
{
    const int MaxWords = 4;
    readonly Dictionary<string, string> _phrases = new(StringComparer.OrdinalIgnoreCase); // full names (1–4 words) and e-mails
    readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);             // ids, and first or last names as written

    public long Redacted { get; private set; }

    public TextRedactor(IReadOnlyList<Employee> employees, IdentityColumns identities, Pseudonymiser pseudonymiser)
        : this(employees.Select(e => (e.EmployeeId, (IReadOnlyList<string>)(identities.Names.GetValueOrDefault(e.EmployeeId) ?? []),
            (IReadOnlyList<string>)(identities.Emails.GetValueOrDefault(e.EmployeeId) ?? []))), [], pseudonymiser)
    {
    }

    /// <summary>
    /// A redactor for employees (source id, names, addresses) and for outside parties such as customers, whose names and
    /// addresses become "[person]".
    /// </summary>
    public TextRedactor(IEnumerable<(string Id, IReadOnlyList<string> Names, IReadOnlyList<string> Emails)> employees,
        IEnumerable<(IReadOnlyList<string> Names, IReadOnlyList<string> Emails)> outsiders, Pseudonymiser pseudonymiser)
    {
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        void Word(string word, string pseudonym)
        {
            if (word.Length < 2) return;
            if (_words.TryGetValue(word, out var existing) && existing != pseudonym) ambiguous.Add(word);
            _words[word] = pseudonym;
        }
        void Person(IReadOnlyList<string> names, IReadOnlyList<string> emails, string p)
        {
            foreach (var email in emails) _phrases.TryAdd(email, p);
            foreach (var name in names)
            {
                var words = Words(name).Select(w => w.Text).ToList();
                if (words.Count is > 0 and <= MaxWords) _phrases.TryAdd(string.Join(' ', words), p);
                foreach (var w in words.Where(w => w.Length >= 3 && char.IsUpper(w[0]))) Word(w, p);
            }
        }
        foreach (var (id, names, emails) in employees)
        {
            var p = pseudonymiser.Of(id);
            Word(id, p);
            Person(names, emails, p);
        }
        foreach (var (names, emails) in outsiders) Person(names, emails, "[person]");
        foreach (var w in ambiguous) _words[w] = "[person]";
    }

    /// <summary>The text with every known name, address and id replaced.</summary>
    public string Redact(string text)
    {
        var words = Words(text).ToList();
        if (words.Count == 0) return text;
        StringBuilder? sb = null;
        var copied = 0;
        for (var i = 0; i < words.Count;)
        {
            string? replacement = null;
            var span = 0;
            for (var n = Math.Min(MaxWords, words.Count - i); n >= 1 && replacement is null; n--)
            {
                // Words of a phrase must be separated by whitespace only.
                if (n > 1 && !Enumerable.Range(i, n - 1).All(k => text.AsSpan(words[k].End, words[k + 1].Start - words[k].End).IsWhiteSpace())) continue;
                var phrase = n == 1 ? words[i].Text : string.Join(' ', words.Skip(i).Take(n).Select(w => w.Text));
                if (_phrases.TryGetValue(phrase, out var p) || (n == 1 && _words.TryGetValue(phrase, out p))) { replacement = p; span = n; }
            }
            if (replacement is null) { i++; continue; }
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, words[i].Start - copied).Append(replacement);
            copied = words[i + span - 1].End;
            i += span;
        }
        if (sb is null) return text;
        Redacted++;
        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    readonly record struct Token(string Text, int Start, int End);

    /// <summary>Words: runs of letters, digits and the characters of addresses and ids (. _ - + @ ' ’), without a trailing dot or quote.</summary>
    static IEnumerable<Token> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i])) i++;
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var end = i;
            while (end > start && text[end - 1] is '.' or '\'' or '’' or '-' or '_') end--;
            if (end > start) yield return new Token(text[start..end], start, end);
        }
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '@' or '\'' or '’';
}
