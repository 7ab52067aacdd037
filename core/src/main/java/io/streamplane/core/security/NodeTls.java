package io.streamplane.core.security;

import java.util.List;

/**
 * What a node needs to speak TLS: its own key and certificate chain, the certificate of the CA
 * that signed every node's certificate, which it trusts when it connects to another node, and
 * the certificates of the CAs whose client certificates it accepts (mutual TLS), if any.
 */
public record NodeTls(String privateKeyPem, String certificateChainPem, String caCertificatePem,
                      List<String> clientCaCertificatePems) {
    public NodeTls {
        clientCaCertificatePems = List.copyOf(clientCaCertificatePems);
    }

    @Override
    public String toString() {
        return "NodeTls[private key withheld]";
    }
}
