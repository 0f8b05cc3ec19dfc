package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The reward points a card holds ({@code GET /v2/point_inquiry/{token_id}}).
 *
 * @param statusCode Midtrans' {@code status_code}, {@code "200"}
 * @param statusMessage Midtrans' explanation
 * @param transactionTime when Midtrans asked the bank
 * @param pointBalanceAmount the points' value in rupiah (a string on the wire)
 * @param pointBalance the number of points
 * @param raw the complete body
 * @since 0.1.0
 */
public record PointInquiryResponse(@Nullable String statusCode, @Nullable String statusMessage,
		@Nullable OffsetDateTime transactionTime, @Nullable BigDecimal pointBalanceAmount, @Nullable Long pointBalance,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

}
