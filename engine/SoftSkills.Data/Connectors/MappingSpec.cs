using System.Globalization;
using System.Text;
using System.Text.Json;
using SoftSkills.Data.Validation;

namespace SoftSkills.Data.Connectors;

/// <summary>
/// How one field of our schema is filled from a CSV row (docs/design.md §15.6): exactly one source (<c>column</c>,
/// <c>value</c> or <c>template</c>), then optionally <c>kinds</c>, <c>skip</c>, <c>map</c>/<c>default</c>, <c>case</c>,
/// and for times <c>format</c>/<c>timezone</c>, for tenure <c>months_until</c>.
/// </summary>
public sealed class MappingSpec
{
    static readonly HashSet<string> Keys = ["column", "value", "template", "kinds", "skip", "map", "default", "case", "format", "timezone", "months_until"];

    public required string Field { get; init; }
    public string? Column { get; init; }
    public string? Value { get; init; }
    public string? Template { get; init; }
    public IReadOnlySet<string>? Kinds { get; init; }
    public IReadOnlySet<string> Skip { get; init; } = new HashSet<string>();
    public IReadOnlyDictionary<string, string>? Map { get; init; }
    public string? Default { get; init; }
    public string? Case { get; init; }
    public string? Format { get; init; }
    public TimeZoneInfo? TimeZone { get; init; }
    public DateOnly? MonthsUntil { get; init; }

    /// <summary>The outcome of evaluating a spec on a row: a value (null: missing), or the skip reason.</summary>
    public readonly record struct Result(string? Value, string? SkipReason);

    public static MappingSpec Parse(string field, JsonRecord spec, IReadOnlyList<string> header, string csv)
    {
        if (spec.Kind != JsonValueKind.Object) throw spec.Error("expected an object with one of column, value, template");
        foreach (var p in spec.Element.EnumerateObject())
            if (!Keys.Contains(p.Name)) throw spec.Error($"unknown key '{p.Name}' (known: {string.Join(", ", Keys)})");
        var (column, value, template) = (spec.String("column"), spec.String("value"), spec.String("template"));
        if ((column is null ? 0 : 1) + (value is null ? 0 : 1) + (template is null ? 0 : 1) != 1) throw spec.Error("give exactly one of column, value, template");
        if (column is not null && !header.Contains(column)) throw spec.Error($"{csv} has no column '{column}' (line 1 has: {string.Join(", ", header)})");
        if (template is not null)
        {
            List<string> names;
            try { names = Placeholders(template).ToList(); }
            catch (FormatException ex) { throw spec.Error($"template: {ex.Message}"); }
            foreach (var name in names)
                if (name != "$line" && !header.Contains(name)) throw spec.Error($"the template names '{name}', which is not a column of {csv}");
        }
        TimeZoneInfo? zone = null;
        if (spec.String("timezone") is { } tz)
            try { zone = TimeZoneInfo.FindSystemTimeZoneById(tz); }
            catch (TimeZoneNotFoundException) { throw spec.Error($"unknown time zone '{tz}' (give an IANA name such as Europe/Lisbon)"); }
        DateOnly? until = null;
        if (spec.String("months_until") is { } u)
            until = DateOnly.TryParseExact(u, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw spec.Error($"months_until '{u}' is not yyyy-MM-dd");
        var @case = spec.String("case");
        if (@case is not (null or "lower" or "upper")) throw spec.Error("case is lower or upper");
        return new MappingSpec
        {
            Field = field, Column = column, Value = value, Template = template,
            Kinds = spec.Member("kinds") is { } k ? k.Items().Select(x => x.AsString()).ToHashSet(StringComparer.Ordinal) : null,
            Skip = spec.Items("skip").Select(x => x.AsString()).ToHashSet(StringComparer.Ordinal),
            Map = spec.Member("map") is { } m
                ? (m.Kind == JsonValueKind.Object ? m.Element.EnumerateObject().ToDictionary(p => p.Name, p => new JsonRecord(p.Value, m.File, $"{m.Path}.{p.Name}").AsString(), StringComparer.Ordinal) : throw m.Error("expected an object of source value → our value"))
                : null,
            Default = spec.String("default"), Case = @case, Format = spec.String("format"), TimeZone = zone, MonthsUntil = until,
        };
    }

    static IEnumerable<string> Placeholders(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '{') { i++; continue; }
            if (template[i] != '{') continue;
            var close = template.IndexOf('}', i);
            if (close < 0) throw new FormatException("a '{' is not closed (write '{{' for a brace)");
            yield return template[(i + 1)..close];
            i = close;
        }
    }

    /// <summary>Evaluates the spec on a row (cells by header name; <paramref name="line"/> the record's line).</summary>
    public Result Evaluate(Func<string, string?> cell, long line, string? kind)
    {
        if (Kinds is not null && (kind is null || !Kinds.Contains(kind))) return new(null, null);
        var raw = Column is not null ? cell(Column) : Value ?? Fill(Template!, cell, line);
        if (string.IsNullOrEmpty(raw)) return new(null, null);
        if (Skip.Contains(raw)) return new(null, "skip_" + Field);
        if (Map is not null)
        {
            if (Map.TryGetValue(raw, out var mapped)) raw = mapped;
            else if (Default is not null) raw = Default;
            else return new(null, "unmapped_" + Field);
        }
        raw = Case switch { "lower" => raw.ToLowerInvariant(), "upper" => raw.ToUpperInvariant(), _ => raw };
        return new(raw, null);
    }

    static string? Fill(string template, Func<string, string?> cell, long line)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c) { sb.Append(c); i++; continue; }
            if (c != '{') { sb.Append(c); continue; }
            var close = template.IndexOf('}', i);
            var name = template[(i + 1)..close];
            var v = name == "$line" ? line.ToString(CultureInfo.InvariantCulture) : cell(name);
            if (string.IsNullOrEmpty(v)) return null;
            sb.Append(v);
            i = close;
        }
        return sb.ToString();
    }

    /// <summary>A time cell as UTC: ISO 8601 (default), unix_seconds, unix_millis or a .NET custom format; local times need a time zone.</summary>
    public DateTime Time(string text, Func<string, Exception> error)
    {
        switch (Format)
        {
            case "unix_seconds" or "unix_millis":
                var limit = Format == "unix_seconds" ? 3.2e10 : 3.2e13; // about the year 2984 either way
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || Math.Abs(n) > limit) throw error($"'{text}' is not a Unix time");
                return DateTime.UnixEpoch.AddMilliseconds(Format == "unix_seconds" ? n * 1000 : n);
            case null or "iso8601":
                var normalised = WithColonOffset(text);
                if (HasOffset(normalised))
                    return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var o) ? o.UtcDateTime : throw error($"'{text}' is not an ISO 8601 time");
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return Local(local, text, error);
                throw error($"'{text}' is not an ISO 8601 time");
            default:
                if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var f) && Format.Contains('z')) return f.UtcDateTime;
                if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var l)) return Local(l, text, error);
                throw error($"'{text}' does not match the format '{Format}'");
        }
    }

    /// <summary>"+0200" and "+02" as "+02:00", so offsets without a colon are read as offsets.</summary>
    static string WithColonOffset(string text)
    {
        var t = text.IndexOf('T') > 0 ? text.IndexOf('T') : text.IndexOf(' ');
        if (t < 0) return text;
        var sign = text.LastIndexOfAny(['+', '-']);
        if (sign <= t) return text;
        var offset = text[(sign + 1)..];
        return offset.Length switch
        {
            4 when offset.All(char.IsAsciiDigit) => text[..(sign + 1)] + offset[..2] + ":" + offset[2..],
            2 when offset.All(char.IsAsciiDigit) => text + ":00",
            _ => text,
        };
    }

    static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    DateTime Local(DateTime local, string text, Func<string, Exception> error)
    {
        if (TimeZone is null) throw error($"'{text}' has no offset: give the mapping a \"timezone\" for {Field}");
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local)) throw error($"'{text}' does not exist in {TimeZone.Id} (the clocks skip it)");
        // An ambiguous local time (the clocks go back) is taken at the earlier, summer offset.
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>Whole months from a date cell to <see cref="MonthsUntil"/> (at least 0).</summary>
    public int Months(string text, Func<string, Exception> error)
    {
        if (!DateOnly.TryParseExact(text, Format ?? "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) throw error($"'{text}' is not a date ({Format ?? "yyyy-MM-dd"})");
        var to = MonthsUntil!.Value;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
        return Math.Max(0, months);
    }
}
