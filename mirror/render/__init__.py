"""HTML renderers, one module per CMS family (Liferay, WordPress, Joomla, DNN)."""
