package cn.lianban.responsibility;

/**
 * Published inside the transaction that saved an item of the list; a synchronous listener that fails (the ticket
 * start form that cannot be deployed) rolls the save back, so the list and what it feeds change together.
 */
public record ResponsibilityListChanged(String itemCode) {
}
