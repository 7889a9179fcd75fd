package dev.opsh.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks which lab inventory {@link LabExtension} hands to an {@code Inventory} parameter:
 * {@code @LabInventory("drill") Inventory drill}. Without it the parameter gets {@code inventory/lab.yml}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface LabInventory {
    /** The inventory's file name under {@code inventory/}, without {@code .yml}: {@code lab} or {@code drill}. */
    String value();
}
