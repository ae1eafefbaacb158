package io.tributary.server.service;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operations service: Airbyte-compatible REST API (Config API v1 and public API), clustered
 * Quartz schedules, jobs with retries and cancel, JMX, Prometheus metrics and webhook alerts, on
 * PostgreSQL. Started by {@code tributary serve}.
 */
@SpringBootApplication(scanBasePackages = "io.tributary.server")
@ConfigurationPropertiesScan("io.tributary.server")
public class ServiceApplication {}
