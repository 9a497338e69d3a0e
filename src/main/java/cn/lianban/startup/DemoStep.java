package cn.lianban.startup;

/**
 * One module's part of the demo data, contributed as a bean and run by {@link DemoSteps} in {@link
 * org.springframework.core.annotation.Order} order (the directory first, then what hangs off it). A step seeds
 * only its own empty tables and leaves tables that have data alone.
 */
public interface DemoStep {

    void seedIfEmpty();
}
