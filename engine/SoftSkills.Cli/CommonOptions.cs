using System.CommandLine;

namespace SoftSkills.Cli;

/// <summary>Options shared by every verb.</summary>
public static class CommonOptions
{
    public static readonly Option<string> Format = new("--format")
    {
        Description = "text (a readable summary) or json (one JSON object on stdout)",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    };

    static CommonOptions() => Format.AcceptOnlyFromAmong("text", "json");

    public static Option<int> MinGroupSize() => new("--min-group-size")
    {
        Description = "suppress groups with fewer distinct employees (1 turns suppression off, for non-personal data)",
        DefaultValueFactory = _ => 5,
    };

    public static Option<bool> Lenient() => new("--lenient")
    {
        Description = "skip bad rows and report each, instead of stopping at the first",
    };

    public static bool Json(ParseResult parse) => parse.GetValue(Format) == "json";

    /// <summary>The cluster's Redis, as a URL.</summary>
    public static Option<string?> Cluster(string purpose) => new("--cluster")
    {
        Description = $"{purpose}: its Redis, redis://[user:password@]HOST:PORT[/db] or rediss://… for TLS (put the password in --cluster-password-file)",
    };

    public static Option<FileInfo?> ClusterPasswordFile() => new("--cluster-password-file")
    {
        Description = "file holding the Redis password (keeps it out of process lists and shell history)",
    };

    public static Option<FileInfo?> ClusterCaFile() => new("--cluster-ca")
    {
        Description = "PEM file of the certificate authority that signed Redis's TLS certificate (rediss://)",
    };

    /// <summary>Parses a cluster address and reads its password file; bad input names the option, never the password.</summary>
    public static SoftSkills.Simulation.Hosting.ClusterAddress ParseCluster(string text, FileInfo? passwordFile, FileInfo? caFile = null, ClusterSecurity? security = null, ParseResult? parse = null)
    {
        SoftSkills.Simulation.Hosting.ClusterAddress address;
        try { address = SoftSkills.Simulation.Hosting.ClusterAddress.Parse(text); }
        catch (FormatException ex) { throw new BadInputException($"--cluster: {ex.Message}"); }
        if (passwordFile is not null)
        {
            Inputs.File(passwordFile, "--cluster-password-file");
            try { address = address.WithPassword(passwordFile.FullName); }
            catch (FormatException ex) { throw new BadInputException(ex.Message); }
        }
        if (caFile is not null)
        {
            if (!address.Tls) throw new BadInputException("--cluster-ca needs a rediss:// address (TLS)");
            address = address with { TrustedCaFile = Inputs.File(caFile, "--cluster-ca").FullName };
        }
        if (security is not null && parse is not null) address = security.WithTransport(address, parse);
        return address;
    }

    /// <summary>The options of a cluster node's mutual TLS (docs/design.md §7): its certificate, key, and the cluster's authority.</summary>
    public sealed class ClusterSecurity
    {
        public readonly Option<FileInfo?> Certificate = new("--tls-cert") { Description = "this node's certificate for TLS between silos and clients (PEM, or .pfx/.p12); every node needs one signed by --tls-ca" };
        public readonly Option<FileInfo?> Key = new("--tls-key") { Description = "the private key of --tls-cert (PEM), unless the certificate file holds it" };
        public readonly Option<FileInfo?> Authority = new("--tls-ca") { Description = "the cluster's certificate authority (PEM): only nodes with a certificate it signed may join or connect" };

        public IEnumerable<Option> All => [Certificate, Key, Authority];

        /// <summary>Refuses TLS options on a run without <c>--cluster</c> (in one process there is no network to secure).</summary>
        public void RequireCluster(ParseResult parse, string? cluster)
        {
            if (cluster is null && (parse.GetValue(Certificate) ?? parse.GetValue(Key) ?? parse.GetValue(Authority)) is not null)
                throw new BadInputException("--tls-cert, --tls-key and --tls-ca secure a cluster: give them with --cluster");
        }

        public SoftSkills.Simulation.Hosting.ClusterAddress WithTransport(SoftSkills.Simulation.Hosting.ClusterAddress address, ParseResult parse)
        {
            var (cert, key, ca) = (parse.GetValue(Certificate), parse.GetValue(Key), parse.GetValue(Authority));
            if (cert is null && key is null && ca is null) return address;
            if (cert is null || ca is null) throw new BadInputException("TLS between silos and clients needs both --tls-cert and --tls-ca (and --tls-key unless the certificate file holds the key)");
            try
            {
                return address with
                {
                    Transport = SoftSkills.Simulation.Hosting.ClusterTls.Load(Inputs.File(cert, "--tls-cert").FullName, key is null ? null : Inputs.File(key, "--tls-key").FullName, Inputs.File(ca, "--tls-ca").FullName),
                };
            }
            catch (FormatException ex) { throw new BadInputException(ex.Message); }
        }
    }

    /// <summary>How a pilot effect's interval is formed.</summary>
    public static Option<string> Inference()
    {
        var o = new Option<string>("--inference")
        {
            Description = "interval of a pilot effect: cr2 (CR2 with Bell-McCaffrey/Satterthwaite df, the default), wild (restricted wild cluster bootstrap, Webb weights) or cr1",
            DefaultValueFactory = _ => "cr2",
        };
        o.AcceptOnlyFromAmong("cr2", "wild", "cr1");
        return o;
    }

    public static Option<bool> TwoWayFixedEffects() => new("--two-way") { Description = "estimate with team and week fixed effects instead of treated, post and their product" };

    public static Option<double> Level() => new("--level") { Description = "coverage of the intervals (0.95); the verdict tests at 1 − level", DefaultValueFactory = _ => 0.95 };

    /// <summary>The interval method of a pilot's analysis from its options.</summary>
    public static SoftSkills.Analysis.Pilot.DidOptions Did(ParseResult parse, Option<string> inference, Option<bool> twoWay, Option<double> level) => new(
        parse.GetValue(inference) switch { "wild" => SoftSkills.Analysis.Pilot.DidInference.WildBootstrap, "cr1" => SoftSkills.Analysis.Pilot.DidInference.Cr1, _ => SoftSkills.Analysis.Pilot.DidInference.Cr2 },
        parse.GetValue(twoWay) ? SoftSkills.Analysis.Pilot.DidSpecification.TwoWayFixedEffects : SoftSkills.Analysis.Pilot.DidSpecification.Simple,
        Inputs.Range("--level", parse.GetValue(level), 0.5, 0.999));

    /// <summary>The minimum group size, checked.</summary>
    public static int MinGroup(ParseResult parse, Option<int> option) =>
        Inputs.Range("--min-group-size", parse.GetValue(option), 1, SoftSkills.Data.SizeLimits.MinGroupSize);

    /// <summary>A day option: exactly yyyy-MM-dd (a lenient parser would read 03-01-2026 or 1.5 as some date).</summary>
    public static Option<DateOnly?> Day(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                && day.Year is >= 1900 and <= 2999)
                return day;
            result.AddError($"{name}: '{token}' is not a day in the form yyyy-MM-dd between 1900 and 2999");
            return null;
        },
    };
}
