package io.berth.api.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that registers a runtime's name: put {@code @RuntimeName("crun")} on the DS
 * component that provides {@link OciRuntime}. The name must match {@link RuntimeNames#VALID}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RuntimeName {

    /** With the single-element name {@code runtime.name}, maps to {@value RuntimeNames#PROPERTY}. */
    String PREFIX_ = "berth.";

    /** The runtime's name. */
    String value();
}
