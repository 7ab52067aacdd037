package io.streamplane.core.connect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A custom plugin: a connector's code, read from S3 once and installed where workers load it.
 * MSK Connect's plugins have one revision each; {@code file} and {@code connectorClasses} are known
 * once the plugin has been inspected.
 */
public record CustomPlugin(String arn, String name, String description, PluginContentType contentType,
                           S3ObjectLocation location, Instant creationTime, CustomPluginState state,
                           Optional<StateDescription> stateDescription, Optional<PluginFile> file,
                           List<ConnectorClass> connectorClasses) {
    public static final long REVISION = 1;

    public CustomPlugin {
        connectorClasses = List.copyOf(connectorClasses);
    }

    /** The uuid part of the ARN, which names the plugin's installation directory. */
    public String uuid() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public CustomPlugin active(PluginFile file, List<ConnectorClass> connectorClasses) {
        return new CustomPlugin(arn, name, description, contentType, location, creationTime, CustomPluginState.ACTIVE,
                Optional.empty(), Optional.of(file), connectorClasses);
    }

    public CustomPlugin failed(StateDescription why) {
        return new CustomPlugin(arn, name, description, contentType, location, creationTime,
                CustomPluginState.CREATE_FAILED, Optional.of(why), file, connectorClasses);
    }

    public CustomPlugin deleting() {
        return new CustomPlugin(arn, name, description, contentType, location, creationTime,
                CustomPluginState.DELETING, stateDescription, file, connectorClasses);
    }
}
