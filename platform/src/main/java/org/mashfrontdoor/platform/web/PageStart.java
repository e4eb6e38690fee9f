package org.mashfrontdoor.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of a list's start parameter ({@code offset} or {@code page}): an int from 0, default 0,
 * written once for every paged list. The parameter keeps its own {@code @RequestParam(defaultValue = "0")}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2147483647",
    defaultValue = "0"))
public @interface PageStart {
}
