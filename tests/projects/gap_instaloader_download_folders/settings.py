"""Where the watch-list pipeline keeps its files (one place, imported by every step)."""

POSTS_DIR = "watchlist_posts"
STORIES_DIR = "watchlist_stories"
HIGHLIGHTS_DIR = "watchlist_highlights"
TAGGED_DIR = "watchlist_tagged"
GALLERY_ROOT = "watchlist_gallery"
BACKUP_DIR = "my_backup"
STAFF_DIR = "staff_photos"
