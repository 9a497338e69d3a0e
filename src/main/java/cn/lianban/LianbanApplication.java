package cn.lianban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class LianbanApplication {

    public static void main(String[] args) {
        SpringApplication.run(LianbanApplication.class, args);
    }
}
