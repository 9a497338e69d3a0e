package cn.lianban.common;

import java.util.List;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Adds the {@link EngineRefusalMapper}s to every Jersey server application (listed in
 * META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable). The webapps' engine API that
 * Tasklist calls is a Jersey servlet the Camunda starter builds from a fixed class list, with no Spring hook; Jersey's
 * auto-discovery is the one way in that reaches it and /engine-rest alike.
 */
public class EngineRefusalDiscovery implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER) {
            return;
        }
        for (Class<?> mapper : List.of(EngineRefusalMapper.Wrapped.class, EngineRefusalMapper.Direct.class)) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
