/**
 * Helpers shared by the services of this module; not API, may change in any release.
 */
@NullMarked
package io.github.springmidtrans.internal;

import org.jspecify.annotations.NullMarked;
