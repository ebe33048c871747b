"""Public editorial pages: home, article, author and tag."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from newsroom.models import Article, Author, SlugRedirect, Tag


class HomeView(ListView):
    template_name = "newsroom/home.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().for_listing()


class ArticleDetailView(DetailView):
    template_name = "newsroom/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().select_related("primary_club", "hero_image")

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        if not self.get_queryset().filter(slug=slug).exists():
            moved = SlugRedirect.objects.filter(old_slug=slug).select_related("article").first()
            if moved and moved.article.is_public:
                return redirect(moved.article, permanent=True)
        return super().get(request, *args, **kwargs)


class AuthorView(ListView):
    template_name = "newsroom/author_detail.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Article.objects.published().by_author(self.author).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TagView(ListView):
    template_name = "newsroom/tag_detail.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published().for_tag(self.tag).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
