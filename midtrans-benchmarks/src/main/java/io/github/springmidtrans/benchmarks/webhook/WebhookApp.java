package io.github.springmidtrans.benchmarks.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the webhook benchmark: nothing but a Spring Boot web application
 * with the starter on PostgreSQL, which serves the notification endpoint
 * ({@code midtrans.webhook.path}) through the starter's auto-configuration. Any other
 * application with the starter can take its place (the benchmark's
 * {@code bench.webhook.main} property).
 */
@SpringBootApplication
public class WebhookApp {

	public static void main(String[] args) {
		SpringApplication.run(WebhookApp.class, args);
	}

}
