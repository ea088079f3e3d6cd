"""Hub citizenship: dataset/model cards, push and pull, fine-tuning that ends in a pushed checkpoint."""
