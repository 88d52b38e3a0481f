package se.samverkan.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Samverkan: the GraphQL backend for the bodies Swedish municipalities and their region run together. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SamverkanApplication {

    public static void main(String[] args) {
        SpringApplication.run(SamverkanApplication.class, args);
    }
}
