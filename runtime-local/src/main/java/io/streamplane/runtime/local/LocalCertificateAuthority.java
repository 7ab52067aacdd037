package io.streamplane.runtime.local;

import io.streamplane.core.port.CertificateAuthority;
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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
        this.caCertificatePem = pem(caCertificate);
    }

    public static LocalCertificateAuthority loadOrCreate(Path dataDir) {
        Path dir = SecurityDirectory.create(dataDir);
        Path keyFile = dir.resolve("ca.key");
        Path certificateFile = dir.resolve("ca.crt");
        try {
            if (Files.exists(keyFile) && Files.exists(certificateFile)) {
                return new LocalCertificateAuthority(readPrivateKey(Files.readString(keyFile)),
                        readCertificate(Files.readString(certificateFile)));
            }
            KeyPair pair = newKeyPair();
            var subject = name("Streamplane CA " + Long.toHexString(new SecureRandom().nextLong()));
            var builder = builder(subject, subject, pair.getPublic(), CA_VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            var certificate = builder.build(signer(pair.getPrivate()));
            // The key first: a certificate without its key would be taken for a whole CA next time.
            SecurityDirectory.writeOwnerOnly(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null)
                    .generate()));
            Files.writeString(certificateFile, pem(certificate));
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
            KeyPair pair = newKeyPair();
            var names = new ArrayList<GeneralName>();
            for (String host : hosts) {
                names.add(IPV4.matcher(host).matches()
                        ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
                        : new GeneralName(GeneralName.dNSName, host));
            }
            var utils = new JcaX509ExtensionUtils();
            var certificate = builder(caCertificate.getSubject(), name(commonName),
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
                    .build(signer(caKey));
            return new IssuedCertificate(pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()),
                    pem(certificate) + caCertificatePem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + commonName, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Duration validity) {
        Instant now = Instant.now();
        // Backdated a little, so a client whose clock runs slightly behind still accepts the certificate.
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, key);
    }

    /** O first, then CN, in the certificate, so that Java and Kafka print it as "CN=...,O=Streamplane". */
    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Streamplane")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(key);
    }

    private static PrivateKey readPrivateKey(String pem) throws IOException {
        try (var parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            var converter = new JcaPEMKeyConverter();
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IOException("No private key in the CA key file");
        }
    }

    private static X509CertificateHolder readCertificate(String pem) throws IOException {
        try (var parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return holder;
            }
            throw new IOException("No certificate in the CA certificate file");
        }
    }

    private static String pem(Object object) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
