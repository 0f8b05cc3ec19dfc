package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Bounds of the amount a customer may enter on a {@code DYNAMIC_AMOUNT} payment link
 * ({@code dynamic_amount}), in whole rupiah.
 *
 * @param minAmount the lowest amount
 * @param maxAmount the highest amount
 * @param presetAmount the amount filled in
 * @since 0.1.0
 */
public record DynamicAmount(@Nullable Long minAmount, @Nullable Long maxAmount, @Nullable Long presetAmount) {

	public DynamicAmount {
		if ((minAmount != null && minAmount <= 0) || (maxAmount != null && maxAmount <= 0)
				|| (presetAmount != null && presetAmount <= 0)) {
			throw new IllegalArgumentException("Dynamic amounts must be positive");
		}
		if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
			throw new IllegalArgumentException("Dynamic min_amount " + minAmount + " is above max_amount " + maxAmount);
		}
		if (presetAmount != null && ((minAmount != null && presetAmount < minAmount)
				|| (maxAmount != null && presetAmount > maxAmount))) {
			throw new IllegalArgumentException("Dynamic preset_amount " + presetAmount + " is outside its bounds");
		}
	}

	/**
	 * Let the customer pay between two amounts.
	 * @param minAmount the lowest amount
	 * @param maxAmount the highest amount
	 * @return the bounds
	 */
	public static DynamicAmount between(long minAmount, long maxAmount) {
		return new DynamicAmount(minAmount, maxAmount, null);
	}

	/**
	 * Copy with a preset amount.
	 * @param presetAmount the amount filled in
	 * @return new bounds
	 */
	public DynamicAmount withPreset(long presetAmount) {
		return new DynamicAmount(this.minAmount, this.maxAmount, presetAmount);
	}

}
