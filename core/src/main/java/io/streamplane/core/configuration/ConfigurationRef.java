package io.streamplane.core.configuration;

/** Which revision of which configuration a cluster runs with (MSK's ConfigurationInfo). */
public record ConfigurationRef(String arn, long revision) {
}
