package io.github.springmidtrans.docs;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// The Spring test of docs/simulator.md and docs/testing.md, exactly as shown there. It finds
// DocumentationSamplesIntegrationTests.SampleApplication as its configuration.

@SpringBootTest
@AutoConfigureMidtransSimulator
class CheckoutTests {

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Test
	void customerPays() {
		payments.charge(ChargeRequest.gopay("SIM-1", 90_000).build());
		simulator.pay("SIM-1");
		assertThat(payments.refreshStatus("SIM-1").getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
	}

}
