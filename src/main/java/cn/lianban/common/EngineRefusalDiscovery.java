package cn.lianban.common;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Adds {@link EngineRefusalMapper} to every Jersey server application (listed in
 * META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable). The webapps' engine API that
 * Tasklist calls is a Jersey servlet the Camunda starter builds from a fixed class list, with no Spring hook; Jersey's
 * auto-discovery is the one way in that reaches it and /engine-rest alike.
 */
public class EngineRefusalDiscovery implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
                && !context.getConfiguration().isRegistered(EngineRefusalMapper.class)) {
            context.register(EngineRefusalMapper.class);
        }
    }
}
