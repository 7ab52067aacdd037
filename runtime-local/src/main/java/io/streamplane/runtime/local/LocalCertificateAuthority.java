package io.streamplane.runtime.local;

import io.streamplane.core.security.CertificateAuthority;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * This installation's certificate authority, made on first start and kept in
 * {@code <data-dir>/security/} ({@code ca.crt}, and {@code ca.key} readable by the owner only).
 * Keys are EC P-256: quick to make, and understood by Java and librdkafka clients alike.
 */
public final class LocalCertificateAuthority implements CertificateAuthority {
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final String KEY_ALGORITHM = "EC_prime256v1";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration NODE_VALIDITY = Duration.ofDays(825);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final PrivateKey caKey;
    private final X509CertificateHolder caCertificate;
    private final String caCertificatePem;
    /** A node keeps its certificate while this server runs, so rewriting its configuration changes nothing. */
    private final Map<String, IssuedCertificate> issued = new ConcurrentHashMap<>();

    private LocalCertificateAuthority(PrivateKey caKey, X509CertificateHolder caCertificate) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
        this.caCertificatePem = X509Parts.pem(caCertificate);
    }

    public static LocalCertificateAuthority loadOrCreate(Path dataDir) {
        Path dir = SecurityDirectory.create(dataDir);
        Path keyFile = dir.resolve("ca.key");
        Path certificateFile = dir.resolve("ca.crt");
        try {
            if (Files.exists(keyFile) && Files.exists(certificateFile)) {
                return new LocalCertificateAuthority(X509Parts.readPrivateKey(Files.readString(keyFile)),
                        X509Parts.readCertificate(Files.readString(certificateFile)));
            }
            KeyPair pair = X509Parts.newKeyPair(KEY_ALGORITHM);
            var subject = name("Streamplane CA " + Long.toHexString(new SecureRandom().nextLong()));
            var builder = X509Parts.builder(subject, subject, pair.getPublic(), CA_VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            var certificate = builder.build(X509Parts.signer(pair.getPrivate(), SIGNATURE));
            // The key first: a certificate without its key would be taken for a whole CA next time.
            SecurityDirectory.writeOwnerOnly(keyFile, X509Parts.privateKeyPem(pair.getPrivate()));
            Files.writeString(certificateFile, X509Parts.pem(certificate));
            return new LocalCertificateAuthority(pair.getPrivate(), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the certificate authority in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the certificate authority", e);
        }
    }

    @Override
    public String certificatePem() {
        return caCertificatePem;
    }

    @Override
    public IssuedCertificate issueNodeCertificate(String commonName, List<String> hosts) {
        return issued.computeIfAbsent(commonName + "|" + String.join(",", hosts), key -> issue(commonName, hosts));
    }

    private IssuedCertificate issue(String commonName, List<String> hosts) {
        try {
            KeyPair pair = X509Parts.newKeyPair(KEY_ALGORITHM);
            var names = new ArrayList<GeneralName>();
            for (String host : hosts) {
                names.add(IPV4.matcher(host).matches()
                        ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
                        : new GeneralName(GeneralName.dNSName, host));
            }
            var utils = new JcaX509ExtensionUtils();
            var certificate = X509Parts.builder(caCertificate.getSubject(), name(commonName),
                    pair.getPublic(), NODE_VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(caCertificate.getSubjectPublicKeyInfo()))
                    .build(X509Parts.signer(caKey, SIGNATURE));
            return new IssuedCertificate(X509Parts.privateKeyPem(pair.getPrivate()),
                    X509Parts.pem(certificate) + caCertificatePem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + commonName, e);
        }
    }


    /** O first, then CN, in the certificate, so that Java and Kafka print it as "CN=...,O=Streamplane". */
    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Streamplane")
                .addRDN(BCStyle.CN, commonName).build();
    }





}
