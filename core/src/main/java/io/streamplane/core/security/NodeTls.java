package io.streamplane.core.security;

/**
 * What a node needs to speak TLS: its own key and certificate chain, and the certificate of the CA
 * that signed every node's certificate, which it trusts when it connects to another node.
 */
public record NodeTls(String privateKeyPem, String certificateChainPem, String caCertificatePem) {
    @Override
    public String toString() {
        return "NodeTls[private key withheld]";
    }
}
