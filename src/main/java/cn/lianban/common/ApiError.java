package cn.lianban.common;

/** The contract's error body: {@code {"error": "<code>", "message": "<text naming the field>"}}. */
public record ApiError(String error, String message) {
}
