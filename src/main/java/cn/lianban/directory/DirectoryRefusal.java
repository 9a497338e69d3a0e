package cn.lianban.directory;

/** A change on the admin pages that is refused, with the Chinese sentence the page shows; nothing was changed. */
class DirectoryRefusal extends RuntimeException {
    DirectoryRefusal(String message) {
        super(message);
    }
}
