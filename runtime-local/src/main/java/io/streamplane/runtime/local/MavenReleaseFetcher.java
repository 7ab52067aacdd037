package io.streamplane.runtime.local;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the jars of an Apache Kafka broker release in a Maven repository (Maven Central unless told
 * otherwise): the broker artifact, everything it needs at run time, and the log4j binding that
 * sends its SLF4J logging to the log files. Downloads land in a local repository under the cache.
 */
final class MavenReleaseFetcher {
    static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/";
    /** The log4j of the bundled release, for releases that do not bring one of their own. */
    private static final String DEFAULT_LOG4J_VERSION = "2.24.3";

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final Path localRepository;
    private final RemoteRepository remote;

    MavenReleaseFetcher(Path localRepository, String remoteUrl) {
        this.localRepository = localRepository;
        this.remote = new RemoteRepository.Builder("central", "default", remoteUrl).build();
    }

    /** The release's run-time jars, downloaded if the local repository lacks them. */
    List<Path> fetch(String apacheVersion) throws DependencyResolutionException {
        var session = session();
        var broker = resolve(session, List.of("org.apache.kafka:kafka_2.13:" + apacheVersion));
        // Kafka logs through SLF4J; which log4j binding fits depends on the SLF4J line it was built with.
        String slf4j = broker.stream().filter(a -> a.getArtifactId().equals("slf4j-api")).map(Artifact::getVersion)
                .findFirst().orElse("1.7");
        String binding = slf4j.startsWith("1.") ? "log4j-slf4j-impl" : "log4j-slf4j2-impl";
        // Newer releases run on a log4j of their own; the binding must be of the same version.
        String log4j = broker.stream().filter(a -> a.getArtifactId().equals("log4j-api")).map(Artifact::getVersion)
                .findFirst().orElse(DEFAULT_LOG4J_VERSION);
        // Named here rather than left to the binding's own dependencies, which Kafka's declarations of
        // log4j (not all of them for run time) would otherwise win over.
        var coordinates = new ArrayList<>(List.of("org.apache.kafka:kafka_2.13:" + apacheVersion,
                "org.apache.logging.log4j:" + binding + ":" + log4j,
                "org.apache.logging.log4j:log4j-api:" + log4j,
                "org.apache.logging.log4j:log4j-core:" + log4j));
        if (slf4j.startsWith("1.")) {
            // Releases of the SLF4J 1.7 line (Kafka 3.x) also call log4j 1's API themselves, to list and
            // set log levels; their distribution ships reload4j for it, their POM nothing. log4j 2's
            // bridge serves that API from the same log4j as the rest.
            coordinates.add("org.apache.logging.log4j:log4j-1.2-api:" + log4j);
        }
        return resolve(session, coordinates).stream().map(a -> a.getFile().toPath()).toList();
    }

    String remoteUrl() {
        return remote.getUrl();
    }

    private List<Artifact> resolve(RepositorySystemSession session, List<String> coordinates)
            throws DependencyResolutionException {
        var collect = new CollectRequest();
        coordinates.forEach(c -> collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME)));
        collect.setRepositories(List.of(remote));
        var request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        return system.resolveDependencies(session, request).getArtifactResults().stream()
                .map(ArtifactResult::getArtifact).toList();
    }

    private RepositorySystemSession session() {
        var session = MavenRepositorySystemUtils.newSession();
        // POMs activate profiles by JDK version (Jackson's do); without the JVM's properties that fails.
        session.setSystemProperties(System.getProperties());
        // A POM that cannot be read must fail the fetch: ignoring it, the default, silently drops that
        // artifact's dependencies and gives a release that cannot start.
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        return session;
    }
}
