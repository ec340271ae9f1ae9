using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace SoftSkills.Simulation.Hosting;

/// <summary>
/// Mutual TLS between silos and clients (docs/design.md §7): every node presents a certificate signed by the cluster's
/// certificate authority and accepts only peers whose certificate chains to that authority, so a node without one cannot
/// join or connect. Peers are identified by the authority, not by host name (silos connect to each other by address).
/// </summary>
public sealed class ClusterTls
{
    public X509Certificate2 Certificate { get; }
    public X509Certificate2 Authority { get; }

    ClusterTls(X509Certificate2 certificate, X509Certificate2 authority) => (Certificate, Authority) = (certificate, authority);

    /// <summary>
    /// Loads the node's certificate (PEM with <paramref name="keyFile"/>, PEM holding its key, or PKCS#12) and the
    /// authority's certificate (PEM); a file that is not what it should be is a <see cref="FormatException"/> naming it.
    /// </summary>
    public static ClusterTls Load(string certificateFile, string? keyFile, string authorityFile)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = certificateFile.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || certificateFile.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
                ? X509CertificateLoader.LoadPkcs12FromFile(certificateFile, null)
                : X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new FormatException($"{Path.GetFileName(certificateFile)}: not a certificate with its private key ({(keyFile is null ? "give --tls-key, or a PEM file holding both" : Path.GetFileName(keyFile) + " does not match it")}): {ex.Message}");
        }
        if (!certificate.HasPrivateKey) throw new FormatException($"{Path.GetFileName(certificateFile)}: the certificate has no private key: give --tls-key");
        X509Certificate2 authority;
        try { authority = X509Certificate2.CreateFromPem(File.ReadAllText(authorityFile)); }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new FormatException($"{Path.GetFileName(authorityFile)}: not a PEM certificate of a certificate authority: {ex.Message}");
        }
        var tls = new ClusterTls(certificate, authority);
        if (!tls.Trusts(certificate)) throw new FormatException($"{Path.GetFileName(certificateFile)} is not signed by the authority in {Path.GetFileName(authorityFile)}");
        return tls;
    }

    /// <summary>Whether a peer's certificate chains to the cluster's authority (revocation is not checked: the cluster is closed).</summary>
    public bool Trusts(X509Certificate2 peer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
        return chain.Build(peer);
    }

    /// <summary>The Orleans TLS settings of a silo or client: present our certificate, require and verify the peer's.</summary>
    internal void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0 && Trusts(certificate);
        options.OnAuthenticateAsClient = (_, ssl) => ssl.TargetHost = "softskills-cluster";
        options.HandshakeTimeout = TimeSpan.FromSeconds(5);
    }
}
