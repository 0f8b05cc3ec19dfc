package io.github.springmidtrans.aotcheck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.payment.PaymentSettledEvent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A shop reduced to what the starter needs: web, Actuator, ShedLock and H2 on the class
 * path, and a listener for settled payments.
 */
@SpringBootApplication
public class AotCheckApplication {

	public static void main(String[] args) {
		SpringApplication.run(AotCheckApplication.class, args);
	}

	/**
	 * Keeps the order ids of settled payments, as a shop would fulfil them.
	 */
	@Component
	public static class Fulfilment {

		private final List<String> settled = new CopyOnWriteArrayList<>();

		@EventListener
		void settled(PaymentSettledEvent event) {
			this.settled.add(event.orderId());
		}

		public List<String> settled() {
			return List.copyOf(this.settled);
		}

	}

}
