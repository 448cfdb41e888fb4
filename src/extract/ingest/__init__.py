"""Reading documents: formats, cleaning, language segmentation."""
