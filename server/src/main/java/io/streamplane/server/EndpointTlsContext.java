package io.streamplane.server;

import io.streamplane.api.http.PemTls;
import io.streamplane.core.security.CertificateAuthority;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The TLS of the API endpoint, as {@link EndpointConfig.Tls} asks for it. */
final class EndpointTlsContext {
    private EndpointTlsContext() {
    }

    static Optional<SSLContext> of(EndpointConfig endpoint, CertificateAuthority authority) {
        if (endpoint.tls() instanceof EndpointConfig.Tls.Files files) {
            return Optional.of(PemTls.context(read(files.privateKey()), read(files.certificateChain())));
        }
        if (endpoint.tls() instanceof EndpointConfig.Tls.FromInstallationCa) {
            var issued = authority.issueNodeCertificate("streamplane-endpoint",
                    List.copyOf(hosts(endpoint.bindAddress())));
            return Optional.of(PemTls.context(issued.privateKeyPem(), issued.certificateChainPem()));
        }
        return Optional.empty();
    }

    /**
     * The names a certificate for the endpoint must hold: the bind address, or every address of the
     * machine when bound to all; loopback's names; and the machine's host name.
     */
    static Set<String> hosts(String bindAddress) {
        var hosts = new LinkedHashSet<String>();
        try {
            InetAddress bound = InetAddress.getByName(bindAddress);
            if (bound.isAnyLocalAddress()) {
                for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    Collections.list(network.getInetAddresses()).stream()
                            .filter(address -> address.getAddress().length == 4)
                            .forEach(address -> hosts.add(address.getHostAddress()));
                }
            } else {
                hosts.add(bindAddress);
            }
            hosts.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException | SocketException e) {
            // The machine's own names are a convenience; the bind address and loopback still go in.
            hosts.add(bindAddress);
        }
        hosts.add("localhost");
        hosts.add("127.0.0.1");
        return hosts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
