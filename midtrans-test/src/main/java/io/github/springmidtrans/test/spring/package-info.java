/**
 * Spring TestContext support: a simulator started per application context, with the
 * {@code midtrans.*} properties pointing at it.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.test.spring;

import org.jspecify.annotations.NullMarked;
