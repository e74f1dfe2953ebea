"""The lesson's views: the loss table, the loss of one sample against p, the definitions."""
