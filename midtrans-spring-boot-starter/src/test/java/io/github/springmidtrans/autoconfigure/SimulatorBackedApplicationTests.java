package io.github.springmidtrans.autoconfigure;

import java.math.BigDecimal;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's services against the stateful simulator, wired by
 * {@link AutoConfigureMidtransSimulator}: no keys, no network.
 */
@SpringBootTest(classes = SimulatorBackedApplicationTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.datasource.generate-unique-name=true")
@AutoConfigureMidtransSimulator
class SimulatorBackedApplicationTests {

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Test
	void chargePayAndRefundAgainstTheSimulator() {
		MidtransPayment charged = this.payments.charge(ChargeRequest.gopay("SIM-1", 90_000).build());
		assertThat(charged.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(charged.getDeeplinkUrl()).isNotNull();

		this.simulator.pay("SIM-1");
		assertThat(this.payments.refreshStatus("SIM-1").getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);

		MidtransRefund refund = this.payments.refund("SIM-1", new BigDecimal("30000"), "one cup less", false);
		assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED);
		MidtransPayment refunded = this.payments.findByOrderId("SIM-1").orElseThrow();
		assertThat(refunded.getStatus()).isEqualTo(PaymentStatus.PARTIAL_REFUND);
		assertThat(refunded.getRefundedAmount()).isEqualByComparingTo("30000");
		assertThat(this.simulator.transaction("SIM-1").orElseThrow().refunds()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
