package io.github.springmidtrans.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample shop. Without a profile it runs in demo mode: H2 in memory and a Midtrans
 * simulator inside the application, so it needs no keys and no network. Profile
 * {@code postgres} keeps the data in PostgreSQL; profile {@code sandbox} takes payments
 * through the real Midtrans sandbox with the keys from {@code MIDTRANS_SERVER_KEY} and
 * {@code MIDTRANS_CLIENT_KEY}.
 *
 * <p>
 * Run it with
 * {@code ./mvnw -pl midtrans-sample-app -am -Dmaven.test.skip spring-boot:run} and open
 * http://localhost:8080; the admin pages take the login it prints at startup.
 */
@SpringBootApplication
public class ShopApplication {

	/**
	 * Start the shop.
	 * @param args command line arguments, such as
	 * {@code --spring.profiles.active=postgres}
	 */
	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

}
