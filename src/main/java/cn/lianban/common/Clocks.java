package cn.lianban.common;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} bean: the engine's clock in Beijing time ({@link EngineClock}). */
@Configuration
class Clocks {

    @Bean
    Clock clock() {
        return EngineClock.INSTANCE;
    }
}
