/**
 * JSON mapping and wire helpers of the client; not API, may change in any release.
 */
@NullMarked
package io.github.springmidtrans.client.internal;

import org.jspecify.annotations.NullMarked;
